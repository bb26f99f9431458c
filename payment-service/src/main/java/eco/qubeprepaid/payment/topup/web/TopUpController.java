package eco.qubeprepaid.payment.topup.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import eco.qubeprepaid.payment.audit.application.Actor;
import eco.qubeprepaid.payment.topup.application.TopUps;
import eco.qubeprepaid.payment.topup.domain.TopUp;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Top-ups in the operator API: start one for a premise (an order and its checkout page,
 * e.g. at the site office), list a premise's and follow one.
 */
@RestController
public class TopUpController {

	private final TopUps topUps;

	TopUpController(TopUps topUps) {
		this.topUps = topUps;
	}

	@PostMapping("/api/top-ups")
	@ResponseStatus(HttpStatus.CREATED)
	TopUpView start(@RequestBody StartTopUp request, Principal operator) {
		TopUps.Started started = this.topUps.start(request.premiseId(),
				(request.amountPaise() != null) ? request.amountPaise() : 0, Actor.operator(operator.getName()));
		return TopUpView.of(started.topUp(), started.checkoutUrl());
	}

	@GetMapping("/api/top-ups")
	List<TopUpView> ofPremise(@RequestParam String premiseId, @RequestParam(defaultValue = "50") int limit) {
		return this.topUps.ofPremise(premiseId, Math.max(1, Math.min(limit, 500)))
			.stream()
			.map((topUp) -> TopUpView.of(topUp, (topUp.orderId() != null) ? this.topUps.checkoutOf(topUp) : null))
			.toList();
	}

	@GetMapping("/api/top-ups/{topUpId}")
	TopUpView get(@PathVariable UUID topUpId) {
		TopUp topUp = this.topUps.get(topUpId);
		return TopUpView.of(topUp, (topUp.orderId() != null) ? this.topUps.checkoutOf(topUp) : null);
	}

	/**
	 * @param premiseId the premise to credit
	 * @param amountPaise the amount in paise
	 */
	record StartTopUp(String premiseId, Long amountPaise) {
	}

	/**
	 * A top-up as the API shows it.
	 *
	 * @param topUpId the id
	 * @param premiseId the premise
	 * @param amountPaise the amount
	 * @param status where it is
	 * @param orderId the gateway's order
	 * @param checkoutUrl the checkout page while it can be paid
	 * @param lastError the last failure, or null
	 * @param createdAt when it was started
	 * @param capturedAt when it was captured, or null
	 */
	record TopUpView(UUID topUpId, String premiseId, long amountPaise, String status, String orderId,
			String checkoutUrl, String lastError, Instant createdAt, Instant capturedAt) {

		static TopUpView of(TopUp topUp, String checkoutUrl) {
			return new TopUpView(topUp.topUpId(), topUp.premiseId(), topUp.amountPaise(), topUp.status().name(),
					topUp.orderId(), topUp.status().isUnsettled() ? checkoutUrl : null, topUp.lastError(),
					topUp.createdAt(), topUp.capturedAt());
		}

	}

}
