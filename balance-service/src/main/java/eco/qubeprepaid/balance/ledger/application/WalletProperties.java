package eco.qubeprepaid.balance.ledger.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The wallet's settings for movements asked for by people and other services
 * ({@code qp.balance.wallet.*}).
 *
 * @param debitFloorPaise a refund or an operator's debit may not leave the wallet below
 * this (zero: never into debt) unless the request overrides it explicitly
 */
@ConfigurationProperties("qp.balance.wallet")
public record WalletProperties(@DefaultValue("0") long debitFloorPaise) {
}
