package io.omnihub.routes.breacha;

import io.omnihub.routes.breachb.OtherSide;

/** What ArchitectureTest must refuse (test sources only): two packages of a module that need each other. */
public class OneSide {

    public OtherSide other() {
        return new OtherSide();
    }
}
