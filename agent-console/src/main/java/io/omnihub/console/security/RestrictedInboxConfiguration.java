package io.omnihub.console.security;

import io.omnihub.store.interaction.AttachmentRepository;
import io.omnihub.store.interaction.InteractionRepository;
import io.omnihub.store.task.ConversationTaskRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class RestrictedInboxConfiguration implements WebMvcConfigurer {

    private final InboxAccess access;
    private final AttachmentRepository attachments;
    private final InteractionRepository interactions;
    private final ConversationTaskRepository tasks;

    RestrictedInboxConfiguration(InboxAccess access, AttachmentRepository attachments,
            InteractionRepository interactions, ConversationTaskRepository tasks) {
        this.access = access;
        this.attachments = attachments;
        this.interactions = interactions;
        this.tasks = tasks;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RestrictedInboxGuard(access, attachments, interactions, tasks))
                .addPathPatterns("/api/**", "/console/**");
    }
}
