package eco.qubeprepaid.notifier.notice.application;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.events.TenantMovedIn;
import eco.qubeprepaid.notifier.notice.domain.ChannelChoice;
import eco.qubeprepaid.notifier.notice.persistence.RecipientStore;
import eco.qubeprepaid.notifier.notice.domain.TenantRow;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenants notifier-service knows, and their choice of channels and language. */
@Service
public class RecipientPreferences {

	private final RecipientStore store;

	private final Clock clock;

	public RecipientPreferences(RecipientStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * @param premiseId a premise, or null for every current tenant
	 * @return the tenants
	 */
	@Transactional(readOnly = true)
	public List<TenantRow> list(String premiseId) {
		return this.store.list(premiseId);
	}

	/**
	 * Sets a tenant's channels and, optionally, language.
	 * @param tenantId the tenant
	 * @param channels the channels they want (email, sms, whatsapp), or null to keep
	 * @param language {@code en} or {@code hi}, or null to keep
	 * @return the tenant as now, or empty if unknown
	 * @throws IllegalArgumentException for an unknown channel or language
	 */
	@Transactional
	public Optional<TenantRow> choose(UUID tenantId, List<String> channels, String language) {
		if (language != null && !TenantMovedIn.LANGUAGES.contains(language)) {
			throw new IllegalArgumentException("language is en or hi, not '" + language + "'");
		}
		String normalized = (channels != null) ? ChannelChoice.normalize(channels) : null;
		Optional<TenantRow> tenant = this.store.find(tenantId);
		if (tenant.isEmpty()) {
			return Optional.empty();
		}
		if (normalized != null) {
			this.store.channels(tenantId, normalized, this.clock.instant());
		}
		if (language != null) {
			this.store.language(tenantId, language, this.clock.instant());
		}
		return this.store.find(tenantId);
	}

}
