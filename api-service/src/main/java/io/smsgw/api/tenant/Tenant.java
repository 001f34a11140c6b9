package io.smsgw.api.tenant;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer of the gateway: owns API clients and messages.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	@Column(name = "default_region")
	private String defaultRegion;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "rate_per_second")
	private Integer ratePerSecond;

	@Column(name = "daily_quota")
	private Integer dailyQuota;

	@Column(name = "max_parts")
	private Integer maxParts;

	@Column(nullable = false)
	private boolean transliterate;

	protected Tenant() {
	}

	public Tenant(String id, String name, String defaultRegion, Instant createdAt) {
		this.id = id;
		this.name = name;
		this.defaultRegion = defaultRegion;
		this.createdAt = createdAt;
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	/** ISO 3166 region used for national numbers, or {@code null} for international numbers only. */
	public String getDefaultRegion() {
		return this.defaultRegion;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/** Send requests per second (per instance), or {@code null} for the service default. */
	public Integer getRatePerSecond() {
		return this.ratePerSecond;
	}

	/** Messages per UTC day, or {@code null} for the service default. */
	public Integer getDailyQuota() {
		return this.dailyQuota;
	}

	/** Most parts per message, or {@code null} for the service default. */
	public Integer getMaxParts() {
		return this.maxParts;
	}

	/** Whether the tenant's texts are transliterated to stay GSM-7 (a request may override it). */
	public boolean isTransliterate() {
		return this.transliterate;
	}

}
