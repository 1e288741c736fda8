package lu.ccss.guichet.platform.idempotency;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Carries a stored answer out of the resource method it replaces, whatever that method's return type: the
 * interceptor cannot return a {@link Response} from a method declared to return a view.
 */
public class ReplayedAnswer extends RuntimeException {

    private final transient StoredAnswer answer;

    ReplayedAnswer(StoredAnswer answer) {
        super("stored answer replayed", null, false, false);
        this.answer = answer;
    }

    /** Answers the stored answer. */
    public static class Mapper {

        @ServerExceptionMapper
        public Response replay(ReplayedAnswer replayed) {
            return replayed.answer.replay();
        }
    }
}
