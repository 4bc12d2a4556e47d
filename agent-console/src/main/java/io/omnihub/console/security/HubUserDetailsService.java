package io.omnihub.console.security;

import io.omnihub.store.user.AppUser;
import io.omnihub.store.user.AppUserRepository;
import java.time.Clock;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users of the console and the API, from the store; a disabled account cannot sign in. */
@Service
class HubUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final Clock clock;

    HubUserDetailsService(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return toDetails(user, clock);
    }

    static UserDetails toDetails(AppUser user, Clock clock) {
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .authorities(user.getRoles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList())
                .disabled(!user.isEnabled())
                .build();
    }
}
