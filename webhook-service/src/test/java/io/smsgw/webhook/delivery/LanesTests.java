package io.smsgw.webhook.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's lanes: at most {@code perEndpoint} in flight per endpoint and
 * {@code maxConcurrency} overall, the others wait in their lane in claim order; a lane at its cap is
 * reported full so that its endpoint is not claimed.
 */
class LanesTests {

	private long ids;

	@Test
	void boundsAttemptsPerEndpointAndOverallAndKeepsClaimOrder() {
		Lanes lanes = new Lanes(2, 3, 8);
		lanes.add(jobs("a:80", 5));
		lanes.add(jobs("b:80", 1));

		List<Claimed> started = lanes.startable();

		assertThat(started).hasSize(3);
		assertThat(started.stream().filter((c) -> c.endpoint().equals("a:80")).count()).isEqualTo(2);
		assertThat(started.stream().filter((c) -> c.endpoint().equals("a:80")).map((c) -> c.job().id()))
			.containsExactly(1L, 2L);
		assertThat(lanes.startable()).isEmpty();
		assertThat(lanes.held()).isEqualTo(6);

		lanes.finished("b:80");
		assertThat(lanes.startable()).as("a:80 has its 2 in flight").isEmpty();
		lanes.finished("a:80");
		List<Claimed> next = lanes.startable();
		assertThat(next).hasSize(1);
		assertThat(next.get(0).job().id()).isEqualTo(3L);
		assertThat(lanes.held()).isEqualTo(4);
	}

	@Test
	void aLaneAtItsCapIsFullUntilItDrains() {
		Lanes lanes = new Lanes(1, 10, 3);
		lanes.add(jobs("slow:443", 3));
		lanes.add(jobs("fast:443", 1));
		assertThat(lanes.full()).containsExactly("slow:443");

		lanes.startable().forEach((c) -> lanes.finished(c.endpoint()));

		assertThat(lanes.full()).isEmpty();
		assertThat(lanes.held()).isEqualTo(2);
		assertThat(lanes.drainWaiting()).extracting((c) -> c.job().id()).containsExactly(2L, 3L);
		assertThat(lanes.held()).isZero();
	}

	private List<Claimed> jobs(String endpoint, int count) {
		List<Claimed> jobs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			jobs.add(new Claimed(new DeliveryJob(++this.ids, UUID.randomUUID(), UUID.randomUUID(), "t",
					"http://" + endpoint + "/cb", endpoint, null, new byte[0], 0, null, null, "sms.mt.status",
					new byte[0]), List.of("s")));
		}
		return jobs;
	}

}
