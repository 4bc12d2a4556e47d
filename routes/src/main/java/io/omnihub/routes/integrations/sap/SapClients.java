package io.omnihub.routes.integrations.sap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnihub.routes.integrations.IntegrationsProperties;
import io.omnihub.routes.integrations.TargetClients;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** One SAP client per SAP_S4 target, each with its own CSRF token and cookies: for deliveries and order lookups. */
@Component
class SapClients {

    private final IntegrationsProperties settings;
    private final TargetClients targets;
    private final ObjectMapper json;
    private final Map<String, SapS4Client> clients = new ConcurrentHashMap<>();

    SapClients(IntegrationsProperties settings, TargetClients targets, ObjectMapper json) {
        this.settings = settings;
        this.targets = targets;
        this.json = json;
    }

    /** The client of target {@code name}. */
    SapS4Client of(String name) {
        return clients.computeIfAbsent(name, n -> new SapS4Client(n, settings.integrations().get(n),
                targets.authorization(), json));
    }
}
