package io.omnihub.console.api;

import io.omnihub.store.conversation.Conversation;
import io.omnihub.store.conversation.ConversationRepository;
import io.omnihub.store.customer.ContactPoint;
import io.omnihub.store.customer.ContactPointNormalizer;
import io.omnihub.store.customer.ContactPointRepository;
import io.omnihub.store.customer.ContactPointType;
import io.omnihub.store.customer.Customer;
import io.omnihub.store.customer.CustomerRepository;
import io.omnihub.store.customer.InvalidAddressException;
import io.omnihub.store.customer.NormalizedAddress;
import io.omnihub.store.interaction.Interaction;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.page.Keyset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customers, their contact points and their unified timeline")
public class CustomerController {

    static final int MAX_PAGE = 200;

    private final CustomerRepository customers;
    private final ContactPointRepository contactPoints;
    private final ContactPointNormalizer normalizer;
    private final InteractionRepository interactions;
    private final InteractionViews views;
    private final io.omnihub.console.security.InboxAccess access;
    private final ConversationRepository conversations;

    CustomerController(CustomerRepository customers, ContactPointRepository contactPoints,
            ContactPointNormalizer normalizer, InteractionRepository interactions, InteractionViews views,
            io.omnihub.console.security.InboxAccess access, ConversationRepository conversations) {
        this.customers = customers;
        this.contactPoints = contactPoints;
        this.normalizer = normalizer;
        this.interactions = interactions;
        this.views = views;
        this.access = access;
        this.conversations = conversations;
    }

    @GetMapping
    @Transactional(readOnly = true)
    @Operation(summary = "Find the customer who owns a contact point",
            description = "An e-mail address (any case, spacing) or a phone number in any common format; "
                    + "national numbers are read in the hub's default region. Answers 404 when nobody has it, "
                    + "403 when the customer is known only in restricted inboxes none of your teams works.")
    CustomerView findByContact(@Parameter(description = "e-mail address or phone number", example = "ana@example.com")
            @RequestParam String contact, java.security.Principal viewer) {
        NormalizedAddress address = parse(contact);
        ContactPoint point = contactPoints.findByTypeAndValue(address.type(), address.value())
                .orElseThrow(() -> new NotFoundException("no customer has the contact point " + contact.strip()));
        access.requireCustomer(point.getCustomerId(), viewer);
        return view(customers.findById(point.getCustomerId()).orElseThrow());
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "A customer with all contact points", description = "403 when the customer is known only in "
            + "restricted inboxes none of your teams works (supervisors and administrators see every customer).")
    public CustomerView get(@PathVariable Long id) {
        return view(customer(id));
    }

    @GetMapping("/{id}/timeline")
    @Transactional(readOnly = true)
    @Operation(summary = "The customer's unified history across every channel, newest first",
            description = "Keyset-paginated: pass the previous page's `next` as `cursor`.")
    Page<InteractionView> timeline(@PathVariable Long id,
            @Parameter(description = "`next` of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "page size, 1-200") @RequestParam(defaultValue = "50") int limit,
            java.security.Principal viewer) {
        customer(id);
        int size = pageSize(limit);
        List<Interaction> rows;
        if (cursor == null || cursor.isBlank()) {
            rows = interactions.timeline(id, size + 1);
        } else {
            Keyset after = Keyset.decode(cursor);
            rows = interactions.timelineBefore(id, after.at(), after.id(), size + 1);
        }
        List<Interaction> page = rows.size() > size ? rows.subList(0, size) : rows;
        String next = null;
        if (rows.size() > size) {
            Interaction last = page.get(page.size() - 1);
            next = new Keyset(last.getOccurredAt(), last.getId()).encode();
        }
        // interactions of restricted inboxes outside the viewer's teams are left out (the page may be shorter)
        var visibility = access.visibility(viewer);
        if (visibility == null) {
            return new Page<>(views.of(page), next);
        }
        Map<Long, Conversation> conversationsOfPage = conversations.findAllById(page.stream()
                .map(Interaction::getConversationId).filter(java.util.Objects::nonNull).distinct().toList()).stream()
                .collect(java.util.stream.Collectors.toMap(Conversation::getId, c -> c));
        return new Page<>(views.of(page.stream().filter(i -> i.getConversationId() == null
                || visibility.allows(conversationsOfPage.get(i.getConversationId()).getInboxId(),
                        conversationsOfPage.get(i.getConversationId()).getTeamId())).toList()), next);
    }

    static int pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE);
        }
        return limit;
    }

    private Customer customer(Long id) {
        return customers.findById(id).orElseThrow(() -> new NotFoundException("there is no customer " + id));
    }

    private NormalizedAddress parse(String contact) {
        try {
            return contact.contains("@")
                    ? normalizer.normalize(ContactPointType.EMAIL, contact)
                    : normalizer.normalize(ContactPointType.PHONE, contact);
        } catch (InvalidAddressException e) {
            throw new IllegalArgumentException("contact '" + contact.strip() + "' is " + e.getMessage());
        }
    }

    private CustomerView view(Customer c) {
        return new CustomerView(c.getId(), c.getDisplayName(), c.getErpNumber(), c.getCreatedAt(), c.getMergedIntoId(),
                contactPoints.findByCustomerIdOrderByIdAsc(c.getId()).stream().map(ContactPointView::of).toList());
    }
}
