package io.omnihub.console.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RestrictedInboxConfiguration implements WebMvcConfigurer {

    private final InboxAccess access;
    private final JdbcTemplate jdbc;

    RestrictedInboxConfiguration(InboxAccess access, JdbcTemplate jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RestrictedInboxGuard(access, jdbc)).addPathPatterns("/api/**", "/console/**");
    }
}
