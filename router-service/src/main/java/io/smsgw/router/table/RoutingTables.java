package io.smsgw.router.table;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smsgw.router.routing.RoutingTable;

/**
 * The route table every listener reads: an immutable snapshot swapped whole on reload, so a
 * selection never sees half a change. Reloads come from change events, the admin API of this
 * instance and a periodic safety net.
 */
public class RoutingTables {

	private static final Logger log = LoggerFactory.getLogger(RoutingTables.class);

	private final RoutingRepository repository;

	private final ConnectorTopics topics;

	private final AtomicReference<RoutingTable> current = new AtomicReference<>(RoutingTable.of(-1, List.of(), List.of()));

	public RoutingTables(RoutingRepository repository, ConnectorTopics topics) {
		this.repository = repository;
		this.topics = topics;
	}

	/** The snapshot in force. */
	public RoutingTable current() {
		return this.current.get();
	}

	/** Loads the table from the database and swaps it in unless a newer one is already in force. */
	public RoutingTable reload(String why) {
		RoutingTable loaded = this.repository.load();
		RoutingTable previous = this.current.getAndAccumulate(loaded,
				(old, fresh) -> (fresh.version() >= old.version()) ? fresh : old);
		if (loaded.version() != previous.version()) {
			log.info("Route table version {} loaded ({} routes, {} connectors): {}", loaded.version(),
					loaded.routes().size(), loaded.connectors().size(), why);
			this.topics.ensure(loaded.connectors().keySet());
		}
		return this.current.get();
	}

	/** Reloads when a change event announces a version newer than the one in force. */
	public void onChange(long version, String change) {
		if (version > current().version()) {
			reload(change);
		}
	}

}
