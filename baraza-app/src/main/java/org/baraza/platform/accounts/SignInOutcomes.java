package org.baraza.platform.accounts;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.SignedInAccount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/**
 * What happens after a sign-in attempt: on success the account's language becomes the page
 * language; on failure the sign-in page says why (wrong login or password, locked, unconfirmed)
 * without putting anything the resident typed into the URL, and the client's attempt is counted.
 */
@Configuration(proxyBeanMethods = false)
class SignInOutcomes {

    @Bean
    AuthenticationSuccessHandler signedIn(AccountProfile profile, LocaleResolver languages) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, ServletException {
                if (authentication.getPrincipal() instanceof SignedInAccount account) {
                    profile.of(account.organization(), account.accountId())
                        .map(StoredAccount::language)
                        .filter(language -> CurrentMunicipality.of(request).map(m -> m.offers(language)).orElse(false))
                        .ifPresent(language -> languages.setLocale(request, response, Locale.forLanguageTag(language)));
                }
                next.onAuthenticationSuccess(request, response, authentication);
            }
        };
    }

    @Bean
    AuthenticationFailureHandler signInFailed(ClientAttempts attempts) {
        return (request, response, exception) -> {
            String reason;
            if (exception instanceof LockedException) {
                reason = "locked";
                attempts.record(request);
            } else if (exception instanceof DisabledException) {
                reason = "unconfirmed";
            } else if (exception instanceof AccountSuspended) {
                reason = "suspended";
            } else {
                reason = "failed";
                attempts.record(request);
            }
            response.sendRedirect(request.getContextPath() + "/login?" + reason);
        };
    }
}
