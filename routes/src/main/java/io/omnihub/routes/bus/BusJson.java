package io.omnihub.routes.bus;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/** JSON on the bus, written and read with the application's one ObjectMapper (ISO dates). */
@Component
public class BusJson {

    private final ObjectMapper mapper;

    public BusJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JacksonDataFormat of(Class<?> type) {
        JacksonDataFormat format = new JacksonDataFormat(mapper, type);
        format.setUseDefaultObjectMapper(false);
        return format;
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
