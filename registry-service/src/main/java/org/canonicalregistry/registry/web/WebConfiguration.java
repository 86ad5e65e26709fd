package org.canonicalregistry.registry.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/** Cross-cutting HTTP settings: request bounds, problem documents from Tomcat itself, strict JSON reading. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class WebConfiguration {

    /** First in the chain, so no other filter can buffer an oversized body before it is refused. */
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeFilter(RequestLimits limits, ProblemWriter problems) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(limits, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Tomcat in line with the rest. Its own caps match ours: form bodies Tomcat parses itself never exceed the
     * limit, and an over-limit body we refused is drained only up to the limit before the connection is closed.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatInLine(RequestLimits limits) {
        int max = (int) limits.maxBytes();
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setMaxPostSize(max);
                connector.setMaxSavePostSize(max);
                connector.setProperty("maxSwallowSize", Integer.toString(max));
            });
            // Requests Tomcat refuses itself (malformed URLs) get a problem document too, not an HTML page.
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        };
    }

    /**
     * A JSON object with a repeated member name is ambiguous (RFC 8259 §4); refuse it rather than let the last
     * one silently win in a schema or payload. Decimals are read as {@code BigDecimal}, as schema-core reads them:
     * through {@code double}, {@code multipleOf: 0.01} would reject {@code 0.07} and large bounds would drift, and
     * the fingerprint would no longer be the one schema-core computes from the caller's text.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
