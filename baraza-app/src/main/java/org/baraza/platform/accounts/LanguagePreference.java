package org.baraza.platform.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.SignedInAccount;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** A signed-in resident who switches language ({@code ?lang=xx}) keeps it in their account, so it follows them to other devices. */
@Configuration(proxyBeanMethods = false)
class LanguagePreference implements WebMvcConfigurer {

    private final AccountProfile profile;

    LanguagePreference(AccountProfile profile) {
        this.profile = profile;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String language = request.getParameter("lang");
                if (language != null && "GET".equals(request.getMethod())) {
                    SignedInAccount.current().ifPresent(account -> CurrentMunicipality.of(request)
                        .filter(municipality -> municipality.offers(language))
                        .ifPresent(municipality -> profile.changeLanguage(account.organization(), account.accountId(), language)));
                }
                return true;
            }
        });
    }
}
