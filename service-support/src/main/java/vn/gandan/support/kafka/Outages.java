package vn.gandan.support.kafka;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which failures of a listener are the infrastructure's, not the record's: the store unreachable or timing out,
 * or a transient conflict (a lost optimistic race). Such a record is retried until the outage ends and never goes
 * to the dead-letter topic, where it would be lost to the pipeline; only a record that fails by itself does.
 */
public final class Outages {

    private Outages() {}

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
