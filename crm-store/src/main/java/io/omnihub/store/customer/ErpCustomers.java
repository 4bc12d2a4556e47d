package io.omnihub.store.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Customers as the ERP integrations see them: a customer's ERP number, the customer as sent to the
 * ERP (name, ERP number, email addresses and phone numbers, as they are now), and the ERP number
 * the ERP gave a customer it created.
 */
@Component
public class ErpCustomers {

    /** A customer as sent to the ERP; addresses in the order they were added. */
    public record ErpCustomer(long id, String name, String erpNumber, List<String> emails, List<String> phones) {
    }

    private record Names(String name, String erpNumber) {
    }

    private final JdbcTemplate jdbc;

    ErpCustomers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's ERP number; empty when the customer has none (or does not exist). */
    public Optional<String> erpNumberOf(long customerId) {
        return jdbc.queryForList("select erp_number from customer where id = ? and erp_number is not null",
                String.class, customerId).stream().findFirst();
    }

    /**
     * The customer as they are now.
     *
     * @throws org.springframework.dao.EmptyResultDataAccessException when there is no such customer
     */
    public ErpCustomer read(long customerId) {
        Names names = jdbc.queryForObject("select display_name, erp_number from customer where id = ?",
                (rs, n) -> new Names(rs.getString("display_name"), rs.getString("erp_number")), customerId);
        List<String> emails = jdbc.queryForList("select value from contact_point where customer_id = ? and type = "
                + "'EMAIL' order by id", String.class, customerId);
        List<String> phones = jdbc.queryForList("select value from contact_point where customer_id = ? and type = "
                + "'PHONE' order by id", String.class, customerId);
        return new ErpCustomer(customerId, names.name(), names.erpNumber(), emails, phones);
    }

    /**
     * Gives the customer the ERP number the ERP created them under, unless they have one already.
     * Returns false when it cannot, because another customer has that number.
     */
    public boolean rememberErpNumber(long customerId, String erpNumber) {
        try {
            jdbc.update("update customer set erp_number = ?, updated_at = now() where id = ? and erp_number is null",
                    erpNumber, customerId);
            return true;
        } catch (DataIntegrityViolationException e) {
            return false;
        }
    }
}
