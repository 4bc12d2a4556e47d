package io.omnihub.routes.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnihub.store.integration.IntegrationDeliveryQueue.Delivery;
import java.util.Set;

/**
 * Delivers one event to a target of the kinds it serves: {@code webhook.HttpDeliveries} (webhooks and REST
 * APIs), {@code files.FileDrops} (files, local or over SFTP), {@code sap.SapBusinessPartners} (SAP S/4HANA).
 * {@link IntegrationDispatcher} hands each due event to its target's sender.
 */
public interface TargetSender {

    /** The kinds of target it delivers to. */
    Set<IntegrationTarget.Kind> kinds();

    /** What became of one attempt: delivered, to be tried again, or parked with the reason. */
    DeliveryResult send(String name, IntegrationTarget target, Delivery delivery, JsonNode envelope)
            throws InterruptedException;
}
