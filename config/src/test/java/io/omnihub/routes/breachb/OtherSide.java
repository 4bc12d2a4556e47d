package io.omnihub.routes.breachb;

import io.omnihub.routes.breacha.OneSide;

/** The other half of the cycle {@link OneSide} starts (test sources only). */
public class OtherSide {

    public OneSide one() {
        return new OneSide();
    }
}
