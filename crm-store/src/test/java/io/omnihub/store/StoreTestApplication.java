package io.omnihub.store;

import io.omnihub.store.testing.EmbeddedPostgresTestConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The store on its own, for persistence tests against real PostgreSQL. */
@SpringBootApplication
@Import(EmbeddedPostgresTestConfiguration.class)
public class StoreTestApplication {
}
