package eco.qubeprepaid.payment.portal.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import eco.qubeprepaid.payment.errors.Refusal;
import eco.qubeprepaid.payment.portal.application.TenantPortal;
import eco.qubeprepaid.payment.portal.domain.TenantPrincipal;
import eco.qubeprepaid.payment.security.Roles;
import eco.qubeprepaid.payment.portal.application.SignInCodes;
import eco.qubeprepaid.payment.topup.application.TopUpProperties;
import eco.qubeprepaid.payment.topup.application.TopUps;
import eco.qubeprepaid.service.text.Rupees;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The tenant portal's pages, server-rendered. Nothing here takes a premise or tenant id
 * from the request: every page is of the signed-in tenant's own premise, and a top-up id
 * of another premise is answered as one that does not exist.
 */
@Controller
public class PortalController {

	private static final List<Integer> PRESETS_RUPEES = List.of(100, 200, 500, 1000);

	private final TenantPortal portal;

	private final SecurityContextRepository sessions;

	private final LocaleResolver locales;

	private final TopUpProperties limits;

	private final SignInCodes codes;

	PortalController(TenantPortal portal, SecurityContextRepository tenantSessions, LocaleResolver locales,
			TopUpProperties limits, SignInCodes codes) {
		this.limits = limits;
		this.codes = codes;
		this.portal = portal;
		this.sessions = tenantSessions;
		this.locales = locales;
	}

	@GetMapping("/")
	String root() {
		return "redirect:/portal";
	}

	@GetMapping("/portal/sign-in")
	String signIn(@RequestParam(required = false) String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (token == null) {
			return "portal/sign-in";
		}
		Optional<TenantPortal.SignedIn> signedIn = this.portal.signIn(token);
		if (signedIn.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", "portal.signin.invalid");
			return "portal/sign-in";
		}
		signInAs(signedIn.get().principal(), signedIn.get().language(), request, response);
		return "redirect:/portal";
	}

	/**
	 * A tenant asks for a one-time code by their phone number; the page then asks for the
	 * code (whether or not the number is a tenant's: nobody learns whose it is).
	 */
	@PostMapping("/portal/sign-in/code")
	String askForCode(@RequestParam(required = false) String phone, Model model, HttpServletResponse response) {
		SignInCodes.Requested requested;
		try {
			requested = this.codes.request(phone);
		}
		catch (Refusal ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", "portal.signin.code.bad-phone");
			model.addAttribute("phone", phone);
			return "portal/sign-in";
		}
		if (requested.outcome() != SignInCodes.Outcome.SENT) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("error", (requested.outcome() == SignInCodes.Outcome.TOO_MANY)
					? "portal.signin.code.too-many" : "portal.signin.code.not-sent");
			model.addAttribute("phone", phone);
			return "portal/sign-in";
		}
		model.addAttribute("codeId", requested.codeId());
		model.addAttribute("minutes", SignInCodes.VALIDITY.toMinutes());
		return "portal/sign-in-code";
	}

	/** The tenant types the code they were sent. */
	@PostMapping("/portal/sign-in/verify")
	String verifyCode(@RequestParam(required = false) String codeId, @RequestParam(required = false) String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		UUID id;
		try {
			id = UUID.fromString((codeId != null) ? codeId : "");
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("error", "portal.signin.code.expired");
			return "portal/sign-in";
		}
		SignInCodes.Verification verification = this.codes.verify(id, code);
		if (verification.tenant() == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			if (verification.guessesLeft() > 0) {
				model.addAttribute("error", "portal.signin.code.wrong");
				model.addAttribute("guessesLeft", verification.guessesLeft());
				model.addAttribute("codeId", id);
				model.addAttribute("minutes", SignInCodes.VALIDITY.toMinutes());
				return "portal/sign-in-code";
			}
			model.addAttribute("error", "portal.signin.code.expired");
			return "portal/sign-in";
		}
		signInAs(new TenantPrincipal(verification.tenant().tenantId(), verification.tenant().premiseId(),
				verification.tenant().name()), verification.tenant().language(), request, response);
		return "redirect:/portal";
	}

	private void signInAs(TenantPrincipal principal, String language, HttpServletRequest request,
			HttpServletResponse response) {
		// A new session for the signed-in tenant (no session fixation).
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + Roles.TENANT))));
		SecurityContextHolder.setContext(context);
		this.sessions.saveContext(context, request, response);
		this.locales.setLocale(request, response, Locale.forLanguageTag(language));
	}

	@GetMapping("/portal")
	String home(@AuthenticationPrincipal TenantPrincipal tenant, Model model) {
		addHome(model, this.portal.home(tenant));
		return "portal/home";
	}

	@PostMapping("/portal/top-ups")
	String topUp(@AuthenticationPrincipal TenantPrincipal tenant, @RequestParam(required = false) String amount,
			Model model, HttpServletResponse response) {
		long paise;
		try {
			paise = new BigDecimal((amount != null) ? amount.trim() : "").movePointRight(2).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			paise = -1;
		}
		if (paise < this.limits.minPaise() || paise > this.limits.maxPaise()
				|| paise % this.limits.multiplePaise() != 0) {
			return refused(tenant, model, response, "portal.topup.amount-invalid");
		}
		TopUps.Started started;
		try {
			started = this.portal.startTopUp(tenant, paise);
		}
		catch (Refusal ex) {
			return refused(tenant, model, response, "portal.topup.unavailable");
		}
		return "redirect:" + started.checkoutUrl();
	}

	@GetMapping("/portal/top-ups/{topUpId}")
	String progress(@AuthenticationPrincipal TenantPrincipal tenant, @PathVariable UUID topUpId,
			@RequestParam(name = "razorpay_payment_id", required = false) String paymentId,
			@RequestParam(name = "razorpay_signature", required = false) String signature,
			@RequestParam(name = "error[reason]", required = false) String error, Model model) {
		TenantPortal.CheckoutReturn returned = (paymentId != null)
				? new TenantPortal.CheckoutReturn(paymentId, signature) : null;
		model.addAttribute("progress", this.portal.progress(tenant, topUpId, returned));
		model.addAttribute("gatewayError", error);
		model.addAttribute("tenant", tenant);
		return "portal/top-up";
	}

	@PostMapping("/portal/language")
	String language(@AuthenticationPrincipal TenantPrincipal tenant, @RequestParam String lang,
			HttpServletRequest request, HttpServletResponse response) {
		String chosen = "hi".equals(lang) ? "hi" : "en";
		this.portal.chooseLanguage(tenant, chosen);
		this.locales.setLocale(request, response, Locale.forLanguageTag(chosen));
		return "redirect:/portal";
	}

	@ExceptionHandler(Refusal.class)
	String refusal(Refusal ex, HttpServletResponse response, Model model) {
		response.setStatus(ex.status());
		model.addAttribute("status", ex.status());
		model.addAttribute("message", ex.getMessage());
		return "portal/error";
	}

	private String refused(TenantPrincipal tenant, Model model, HttpServletResponse response, String key) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		addHome(model, this.portal.home(tenant));
		model.addAttribute("topUpError", key);
		return "portal/home";
	}

	private void addHome(Model model, TenantPortal.Home home) {
		model.addAttribute("home", home);
		model.addAttribute("presets", PRESETS_RUPEES);
		model.addAttribute("chart", UsageChart.of(home.usage()));
		model.addAttribute("minRupees", Rupees.format(this.limits.minPaise()));
		model.addAttribute("maxRupees", Rupees.format(this.limits.maxPaise()));
	}

}
