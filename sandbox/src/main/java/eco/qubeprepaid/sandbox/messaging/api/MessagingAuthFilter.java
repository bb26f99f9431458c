package eco.qubeprepaid.sandbox.messaging.api;

import java.io.IOException;

import eco.qubeprepaid.sandbox.messaging.config.MessagingSimulation;
import eco.qubeprepaid.sandbox.messaging.model.MessagingChoices;
import eco.qubeprepaid.sandbox.messaging.model.MessagingException;
import eco.qubeprepaid.sandbox.messaging.model.ReceiptSignature;
import eco.qubeprepaid.sandbox.messaging.model.SendOutcome;
import eco.qubeprepaid.sandbox.messaging.model.Wire;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer authentication of every {@code /messaging/**} call against the API key; anything
 * else is refused with 401 {@code unauthorized} before any controller runs (a refused
 * send is counted as {@code refused}). Other paths pass untouched.
 */
@Component
public class MessagingAuthFilter extends OncePerRequestFilter {

	private static final String PREFIX = "/messaging/";

	private final MessagingSimulation simulation;

	private final JsonMapper mapper;

	private final MessagingRequests requests;

	public MessagingAuthFilter(MessagingSimulation simulation, JsonMapper mapper) {
		this.simulation = simulation;
		this.mapper = mapper;
		this.requests = new MessagingRequests(mapper);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String uri = request.getRequestURI();
		return !(uri.startsWith(PREFIX) || uri.equals("/messaging"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (authenticated(request.getHeader("Authorization"))) {
			chain.doFilter(request, response);
			return;
		}
		if ("POST".equals(request.getMethod()) && MessagingApiController.SEND_PATH.equals(request.getRequestURI())) {
			String body = new String(request.getInputStream().readAllBytes(),
					request.getCharacterEncoding() != null ? request.getCharacterEncoding() : "UTF-8");
			this.simulation.count(this.requests.channelTag(body), SendOutcome.REFUSED);
		}
		response.setStatus(401);
		response.setHeader("WWW-Authenticate", "Bearer");
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.mapper.writeValueAsString(Wire.error(MessagingException.unauthorized())));
	}

	private boolean authenticated(String header) {
		if (header == null
				|| !header.regionMatches(true, 0, MessagingChoices.BEARER, 0, MessagingChoices.BEARER.length())) {
			return false;
		}
		String key = header.substring(MessagingChoices.BEARER.length()).trim();
		return ReceiptSignature.constantTimeEquals(key, this.simulation.apiKey());
	}

}
