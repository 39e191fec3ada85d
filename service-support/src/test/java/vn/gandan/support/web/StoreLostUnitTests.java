package vn.gandan.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ServerId;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.UncategorizedMongoDbException;

/**
 * A request in flight when the store goes away fails inside the driver with a cleared connection pool, which Spring
 * Data leaves uncategorized: it is answered 503 with Retry-After like any other outage, not 500.
 */
class StoreLostUnitTests {

    final ProblemDetailsAutoConfiguration.ProblemDetailsAdvice advice =
            new ProblemDetailsAutoConfiguration.ProblemDetailsAdvice(ProblemMessages.supportOnly());

    @Test
    void aClearedConnectionPoolIsAnOutage() {
        var cleared = new MongoConnectionPoolClearedException(
                new ServerId(new ClusterId(), new ServerAddress("127.0.0.1", 27017)), null);

        var answer = advice.storeLost(new UncategorizedMongoDbException("Connection pool was paused", cleared));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }

    @Test
    void anythingElseUncategorizedStaysAnError() {
        var other = new UncategorizedMongoDbException("something else", new IllegalStateException("bug"));

        assertThatThrownBy(() -> advice.storeLost(other)).isSameAs(other);
    }
}
