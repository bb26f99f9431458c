package eco.qubeprepaid.sandbox.qube.api;

import java.io.IOException;
import java.util.Map;

import eco.qubeprepaid.sandbox.qube.config.QubeSimulation;
import eco.qubeprepaid.sandbox.qube.model.Faults;
import eco.qubeprepaid.sandbox.qube.model.RateLimiter;
import eco.qubeprepaid.sandbox.qube.model.SimChoices;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The gate of the public API, in the order a request meets it: API key (401, not
 * counted), rolling-window rate limit (counted at arrival; 429 with Retry-After;
 * X-RateLimit-* headers on every authenticated response), injected faults, optional
 * lenient trailing slashes, then the controller. Also counts
 * {@code sandbox.qube.requests} by endpoint and outcome.
 */
@Component
public class QubeApiFilter extends OncePerRequestFilter {

	/** Request attribute holding the authenticated API key. */
	public static final String API_KEY = "qube.apiKey";

	/** Request attribute holding the error code of a failed request. */
	public static final String OUTCOME = "qube.outcome";

	private static final String PREFIX = "/api/";

	/** Friendly endpoint names for the metrics tag; never a device or space ID. */
	private static final Map<String, String> ENDPOINTS = Map.ofEntries(Map.entry("GET /api/v2/spaces/", "E1"),
			Map.entry("GET /api/v2/spaces/{space_id}/", "E2"), Map.entry("PUT /api/v2/spaces/{space_id}/", "E3"),
			Map.entry("GET /api/v2/devices/{device_id}/", "E4"),
			Map.entry("GET /api/v2/devices/{device_id}/metrics", "E5"),
			Map.entry("GET /api/v2/devices/{device_id}/metrics/history", "E6"),
			Map.entry("PUT /api/v2/devices/{device_id}/", "P1"),
			Map.entry("PUT /api/v2/devices/{device_id}/relay/", "P2"),
			Map.entry("PUT /api/v2/devices/{device_id}/mode/", "P3"),
			Map.entry("PUT /api/v2/devices/{device_id}/balance/", "P4"),
			Map.entry("PUT /api/v2/devices/{device_id}/tariff/", "P5"),
			Map.entry("PUT /api/v2/devices/{device_id}/wifi/", "P6"));

	private final QubeSimulation simulation;

	private final JsonMapper mapper;

	private final MeterRegistry registry;

	private final Counter rateLimited;

	public QubeApiFilter(QubeSimulation simulation, JsonMapper mapper, MeterRegistry registry) {
		this.simulation = simulation;
		this.mapper = mapper;
		this.registry = registry;
		this.rateLimited = Counter.builder("sandbox.qube.rate.limited")
			.description("Public API requests refused with 429 rate_limit_exceeded")
			.register(registry);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(SimChoices.API_KEY_HEADER);
		if (!this.simulation.cloud().isKnownKey(key)) {
			reject(request, response, SimChoices.Error.AUTHENTICATION_ERROR);
			return;
		}
		RateLimiter.Decision decision = this.simulation.rateLimiter()
			.acquire(key, this.simulation.clock().realClock().millis());
		response.setHeader("X-RateLimit-Limit", Integer.toString(decision.limit()));
		response.setHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
		response.setHeader("X-RateLimit-Reset", Long.toString(decision.resetEpochSeconds()));
		if (!decision.allowed()) {
			this.rateLimited.increment();
			response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
			reject(request, response, SimChoices.Error.RATE_LIMIT_EXCEEDED);
			return;
		}
		Faults.Decision fault = this.simulation.faults().draw();
		if (fault.delayMs() > 0) {
			hold(fault.delayMs());
		}
		if (fault.internalError()) {
			reject(request, response, SimChoices.Error.INTERNAL_ERROR);
			return;
		}
		request.setAttribute(API_KEY, key);
		HttpServletRequest routed = this.simulation.lenientSlashes() ? canonical(request) : request;
		try {
			chain.doFilter(routed, response);
		}
		finally {
			Object outcome = request.getAttribute(OUTCOME);
			count(request, (outcome != null) ? outcome.toString() : "success");
		}
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, SimChoices.Error error)
			throws IOException {
		response.setStatus(error.httpStatus());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write(this.mapper
				.writeValueAsString(Envelope.error(error, error.detail(), this.simulation.clock().now())));
		count(request, error.code());
	}

	private void count(HttpServletRequest request, String outcome) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		String endpoint = (pattern != null) ? ENDPOINTS.getOrDefault(request.getMethod() + " " + pattern, "other")
				: "unmatched";
		this.registry.counter("sandbox.qube.requests", "endpoint", endpoint, "outcome", outcome).increment();
	}

	/**
	 * Holds the request to simulate latency or a timeout (the client sees a slow answer).
	 */
	private static void hold(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * With lenient slashes, rewrites a path to its documented form: {@code /metrics} and
	 * {@code /metrics/history} without a trailing slash, every other path with one.
	 */
	static HttpServletRequest canonical(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String bare = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
		String canonical = (bare.endsWith("/metrics") || bare.endsWith("/metrics/history")) ? bare : bare + "/";
		if (canonical.equals(uri)) {
			return request;
		}
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getRequestURI() {
				return canonical;
			}

			@Override
			public String getServletPath() {
				return canonical;
			}

			@Override
			public StringBuffer getRequestURL() {
				StringBuffer url = new StringBuffer(request.getRequestURL());
				url.replace(url.length() - uri.length(), url.length(), canonical);
				return url;
			}

		};
	}

}
