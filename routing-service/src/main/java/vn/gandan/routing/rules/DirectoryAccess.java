package vn.gandan.routing.rules;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.gandan.routing.authority.AuthorityDirectory;

/**
 * The authority directory, found when first needed rather than at start-up: the authority feature provides the
 * bean, and until it is wired in the service still starts (a decision then fails loudly instead of guessing).
 */
@Component
class DirectoryAccess implements Supplier<AuthorityDirectory> {

    private final ObjectProvider<AuthorityDirectory> provider;
    private volatile AuthorityDirectory directory;

    DirectoryAccess(ObjectProvider<AuthorityDirectory> provider) {
        this.provider = provider;
    }

    @Override
    public AuthorityDirectory get() {
        AuthorityDirectory found = directory;
        if (found == null) {
            found = provider.getIfAvailable();
            if (found == null) {
                throw new IllegalStateException("No AuthorityDirectory bean: routing rules cannot resolve bodies");
            }
            directory = found;
        }
        return found;
    }
}
