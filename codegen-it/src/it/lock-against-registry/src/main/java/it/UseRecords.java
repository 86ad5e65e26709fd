package it;

import java.util.UUID;
import org.canonicalregistry.canonical.customer.v1.Customer;
import org.canonicalregistry.canonical.customer.v1.CustomerType;
import org.canonicalregistry.canonical.customer.v1.Status;
import org.canonicalregistry.canonical.order.v1.CardPayment;
import org.canonicalregistry.canonical.order.v1.CardPaymentBrand;
import org.canonicalregistry.canonical.order.v1.Payment;

/** Uses the generated records the way an application would; verify.groovy calls it. */
public final class UseRecords {

  private UseRecords() {
  }

  public static String describe() {
    Customer customer = Customer.builder()
        .customerId(UUID.fromString("0b7e9a52-3f14-4d2b-8c61-5e9f2a7d1c30"))
        .customerType(CustomerType.BUSINESS)
        .status(Status.ACTIVE)
        .displayName("ACME")
        .build();
    Payment payment = CardPayment.builder().brand(CardPaymentBrand.VISA).last4("4242").authorizationId("auth-1")
        .build();
    return customer.displayName() + " " + customer.preferredLanguage() + " " + payment.kind() + " "
        + Customer.ENTITY + "@" + Customer.VERSION + " id " + Customer.GLOBAL_ID;
  }

  public static void incomplete() {
    Customer.builder().customerType(CustomerType.BUSINESS).build();
  }
}
