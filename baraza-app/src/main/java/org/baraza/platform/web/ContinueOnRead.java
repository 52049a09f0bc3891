package org.baraza.platform.web;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A client that announces a large upload with {@code Expect: 100-continue} (curl does, for bodies
 * over 1 MB) is told to go on only once the application starts reading the body. An upload over
 * the limits is refused from its Content-Length before that, so the client gets the 413 page
 * without sending hundreds of megabytes first. Tomcat's default answers "continue" at once.
 */
@Configuration(proxyBeanMethods = false)
class ContinueOnRead {

    @Bean
    TomcatConnectorCustomizer continueWhenTheBodyIsRead() {
        return connector -> connector.setProperty("continueResponseTiming", "onRead");
    }
}
