package org.baraza.platform.security;

import java.util.List;
import org.baraza.platform.Role;
import org.baraza.platform.accounts.AccountSessions;
import org.baraza.platform.accounts.ClientAttempts;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach which URL, and the headers every response carries. Each area of the site belongs
 * to one role; the role matrix test walks every endpoint with every role against this.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.CONTENT_SECURITY_POLICY;

    /** The roots of the paths that need a role (the hasRole rules below), not only a signed-in person. */
    static final List<String> STAFF_ROOTS = List.of("/platform", "/admin", "/officer", "/moderation", "/staff", "/valuation");

    @Bean
    SecurityFilterChain web(HttpSecurity http, AuthenticationProvider accountSignIn, AuthenticationSuccessHandler signedIn,
                            AuthenticationFailureHandler signInFailed, AccountSessions sessions, ClientAttempts attempts,
                            ApplicationContext context)
        throws Exception {
        http
            // The sign-in provider alone, without the global manager as parent: a parent would run it a
            // second time after every failure and count each wrong password twice.
            .authenticationManager(new ProviderManager(accountSignIn))
            .addFilterAfter(new SignedInHere(sessions), SecurityContextHolderFilter.class)
            .addFilterBefore(new AttemptBrake(attempts), UsernamePasswordAuthenticationFilter.class)
            .authorizeHttpRequests(urls -> urls
                .requestMatchers("/css/**", "/js/**", "/images/**", "/vendor/**", "/favicon.ico", "/branding.css", "/logo").permitAll()
                .requestMatchers("/actuator/health/**", "/actuator/prometheus").permitAll()
                // the public API only reads; other methods reach it to get a 405 problem, not a login redirect
                .requestMatchers("/api/v1/**").permitAll()
                .requestMatchers("/", "/error", "/language", "/login", "/register/**", "/confirm/**",
                    "/password/forgot/**", "/password/reset/**", "/outbox/**", AttemptBrake.PAGE, "/account-deleted").permitAll()
                // participation is public to read; the receipt check is a POST so the code stays out of URLs
                .requestMatchers(HttpMethod.GET, "/debates/new", "/debates/*/edit").authenticated()
                .requestMatchers(HttpMethod.GET, "/processes", "/processes/**", "/consultations/**", "/debates", "/debates/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/consultations/*/receipts").permitAll()
                .requestMatchers(HttpMethod.GET, "/budgets/*/projects/new", "/budgets/*/ballot", "/budgets/*/ballot/**").authenticated()
                .requestMatchers(HttpMethod.GET, "/budgets", "/budgets/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/budgets/*/receipts").permitAll()
                // a path nothing answers is a 404 for everyone, not a reason to sign in
                .requestMatchers(new UnmappedPaths(context)).permitAll()
                .requestMatchers("/platform/**").hasRole(Role.PLATFORM_ADMIN.name())
                .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/officer/**").hasRole(Role.OFFICER.name())
                .requestMatchers("/moderation/**").hasRole(Role.MODERATOR.name())
                .requestMatchers("/staff/**").hasRole(Role.STAFF.name())
                .requestMatchers("/valuation/**").hasRole(Role.VALUATOR.name())
                .anyRequest().authenticated())
            // no session and no form behind the API, so no cross-site request can ride on one
            .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
            .formLogin(login -> login.loginPage("/login").usernameParameter("login").passwordParameter("password")
                .successHandler(signedIn).failureHandler(signInFailed).permitAll())
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut"))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
        return http.build();
    }
}
