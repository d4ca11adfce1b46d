package org.zhibao.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The audit label of a controller method (or of every method of a controller class), e.g.
 * {@code @Audited("office.create")}. State-changing requests are audited whether or not they carry it;
 * without it the action is recorded as {@code <ControllerSimpleName>.<method>}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

    /** The action recorded, a dotted lower-case name such as {@code office.create}. */
    String value();
}
