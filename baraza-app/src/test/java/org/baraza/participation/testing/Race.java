package org.baraza.participation.testing;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Requests sent at the same instant, for the "one person, one vote" tests of consultations and budgets. */
public final class Race {

    private Race() {
    }

    /** The request of each runner, by its number. */
    public interface Request {
        Callable<HttpResponse<String>> of(int index);
    }

    /** Starts {@code n} requests at the same instant, one thread each, and waits for all answers (in runner order). */
    public static List<HttpResponse<String>> of(int n, Request request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<HttpResponse<String>> call = request.of(i);
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(5, TimeUnit.MINUTES));
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Signs each resident in on the demo city, a few at a time (Argon2 is slow on purpose). */
    public static List<WebClient> signedIn(int port, List<Electorate.Resident> residents) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<WebClient>> futures = new ArrayList<>();
            for (Electorate.Resident resident : residents) {
                futures.add(pool.submit(() -> {
                    WebClient client = WebClient.demoCity(port);
                    client.signIn(resident.login(), Electorate.PASSWORD);
                    return client;
                }));
            }
            List<WebClient> clients = new ArrayList<>();
            for (Future<WebClient> future : futures) {
                clients.add(future.get(5, TimeUnit.MINUTES));
            }
            return clients;
        } finally {
            pool.shutdownNow();
        }
    }
}
