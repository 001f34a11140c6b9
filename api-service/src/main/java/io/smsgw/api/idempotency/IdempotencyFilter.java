package io.smsgw.api.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.smsgw.api.idempotency.IdempotencyStore.Stored;
import io.smsgw.api.security.TenantClaims;
import io.smsgw.api.web.ProblemWriter;
import io.smsgw.api.web.RequestSizeFilter.PayloadTooLargeException;

/**
 * The {@code Idempotency-Key} header of the send endpoints: the first request with a key is
 * processed and its answer stored for the tenant; a repeat with the same body gets that answer
 * again (same status, headers {@code Location} and {@code Idempotent-Replayed: true}), a repeat
 * with another body a 422, a repeat while the first is still running a 409. Answers that say
 * nothing about the request itself (401, 403, 429, 5xx) are not stored, so such a request may be
 * retried with the same key. Runs after authentication.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final Set<String> PATHS = Set.of("/v1/messages", "/v1/messages/batch");

	private static final Set<Integer> NOT_STORED = Set.of(401, 403, 408, 409, 413, 429);

	private final IdempotencyStore store;

	private final TenantClaims tenants;

	private final ProblemWriter problems;

	IdempotencyFilter(IdempotencyStore store, TenantClaims tenants, ProblemWriter problems) {
		this.store = store;
		this.tenants = tenants;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| !PATHS.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
			chain.doFilter(request, response);
			return;
		}
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch((c) -> c > 0x20 && c < 0x7f)) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST,
					"The Idempotency-Key header must be 1 to 255 visible ASCII characters");
			return;
		}
		byte[] body;
		try {
			body = request.getInputStream().readAllBytes();
		}
		catch (PayloadTooLargeException ex) {
			this.problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
			return;
		}
		String tenantId = this.tenants.tenantOf(jwt);
		String hash = hash(request, body);
		Stored stored = this.store.claim(tenantId, key, hash);
		if (stored != null) {
			replay(request, response, stored, hash);
			return;
		}
		ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
		boolean completed = false;
		try {
			chain.doFilter(new CachedBody(request, body), caching);
			int status = caching.getStatus();
			if (status < 500 && !NOT_STORED.contains(status)) {
				this.store.complete(tenantId, key, status, caching.getContentType(), caching.getHeader("Location"),
						new String(caching.getContentAsByteArray(), StandardCharsets.UTF_8));
				completed = true;
			}
		}
		finally {
			if (!completed) {
				this.store.release(tenantId, key);
			}
			caching.copyBodyToResponse();
		}
	}

	private void replay(HttpServletRequest request, HttpServletResponse response, Stored stored, String hash)
			throws IOException {
		if (!stored.requestHash().equals(hash)) {
			this.problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT,
					"The Idempotency-Key was already used with a different request");
			return;
		}
		if (stored.inProgress()) {
			this.problems.write(request, response, HttpStatus.CONFLICT,
					"A request with this Idempotency-Key is still being processed; retry later");
			return;
		}
		response.setStatus(stored.status());
		response.setHeader("Idempotent-Replayed", "true");
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader("Location", stored.location());
		}
		if (stored.body() != null) {
			response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String hash(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The request with its body already read. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				/** The body is already in memory: all of it is available at once. */
				@Override
				public void setReadListener(ReadListener listener) {
					try {
						listener.onDataAvailable();
						listener.onAllDataRead();
					}
					catch (IOException ex) {
						listener.onError(ex);
					}
				}
			};
		}

	}

}
