package eco.qubeprepaid.poller.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one group of workers: started by name, interrupted and joined together.
 */
final class WorkerThreads {

	private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(30);

	private final List<Thread> threads = new ArrayList<>();

	synchronized void spawn(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		this.threads.add(thread);
		thread.start();
	}

	synchronized void stop() {
		this.threads.forEach(Thread::interrupt);
		for (Thread thread : this.threads) {
			try {
				thread.join(JOIN_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		this.threads.clear();
	}

}
