package io.omnihub.it;

import io.omnihub.connectors.bus.InboundInteraction;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Simulates the hub dying after the database committed but before the bus message was
 * acknowledged: wraps the recorder outside its transaction and throws once it has returned.
 */
@TestComponent
@Aspect
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class FaultInjection {

    private final Set<String> failAfterCommit = ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> calls = new ConcurrentHashMap<>();

    /** How many times the recorder was asked to record this external id (each delivery counts). */
    public int recordCalls(String externalId) {
        var count = calls.get(externalId);
        return count == null ? 0 : count.get();
    }

    public void failOnceAfterCommit(String externalId) {
        failAfterCommit.add(externalId);
    }

    @Around("execution(* io.omnihub.routes.correlation.InteractionRecorder.record(..))")
    public Object afterCommit(ProceedingJoinPoint call) throws Throwable {
        // Read the argument from the join point: binding it with args() needs Spring's
        // ExposeInvocationInterceptor ahead of this aspect, which HIGHEST_PRECEDENCE rules out.
        InboundInteraction interaction = call.getArgs()[0] instanceof InboundInteraction in ? in : null;
        if (interaction != null) {
            calls.computeIfAbsent(interaction.externalId(), k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
        }
        Object outcome = call.proceed();
        if (interaction != null && failAfterCommit.remove(interaction.externalId())) {
            throw new IllegalStateException("simulated crash after commit of " + interaction.externalId());
        }
        return outcome;
    }
}
