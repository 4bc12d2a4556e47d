package io.omnihub.routes.correlation;

import io.omnihub.store.StoreTestApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/**
 * A component test of the threading and identity rules: the store on an embedded real PostgreSQL
 * ({@link StoreTestApplication}) plus {@link ThreadingTestConfiguration}, one shared context for
 * every such test class. Camel and JMS are left out. Each test runs in a transaction that is rolled
 * back, as the recorder runs the rules inside its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {StoreTestApplication.class, ThreadingTestConfiguration.class}, properties = {
        "spring.autoconfigure.exclude="
                + "org.apache.camel.spring.boot.CamelAutoConfiguration,"
                + "org.apache.camel.spring.boot.endpointdsl.EndpointDslAutoConfiguration,"
                + "org.apache.camel.model.rest.springboot.RestConfigurationDefinitionAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.jms.artemis.ArtemisAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration",
        "logging.level.org.apache.camel=warn"})
@Transactional
public @interface WithThreadingStore {
}
