package io.omnihub.it;

import io.omnihub.OmnihubApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole hub on a random port, with its embedded PostgreSQL and Artemis: one Spring context
 * shared by every test class that uses this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OmnihubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@AutoConfigureObservability(tracing = false)
@Import({HubClient.class, BusProbe.class, CommitFaults.class, FaultInjection.class, MailServer.class,
        RefusingSmtpServer.class, TwilioApiStub.class, ErpStub.class, SftpServer.class})
public @interface WithRunningHub {
}
