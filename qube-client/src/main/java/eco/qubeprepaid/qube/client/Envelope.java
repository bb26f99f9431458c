package eco.qubeprepaid.qube.client;

import tools.jackson.databind.JsonNode;

/**
 * The parsed Qube response envelope. Every key is optional: success examples leave out
 * {@code error}, GET examples leave out {@code message} and {@code timestamp}.
 *
 * @param success the {@code success} flag, {@code null} if absent
 * @param data the {@code data} payload, a missing node if absent
 * @param errorCode the {@code error.code}, may be {@code null}
 * @param errorDetail the {@code error.detail}, may be {@code null}
 * @param message the {@code message}, may be {@code null}
 * @param timestamp the {@code timestamp} as sent, may be {@code null}
 */
record Envelope(Boolean success, JsonNode data, String errorCode, String errorDetail, String message,
		String timestamp) {

	/**
	 * Returns whether the envelope reports an error: {@code success=false} or an
	 * {@code error} object.
	 * @return true on an error envelope
	 */
	boolean isError() {
		return Boolean.FALSE.equals(this.success) || this.errorCode != null || this.errorDetail != null;
	}

}
