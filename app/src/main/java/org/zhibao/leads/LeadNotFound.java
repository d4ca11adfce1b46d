package org.zhibao.leads;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such lead or batch, or none the user may see: both answer 404, so reach cannot be probed. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class LeadNotFound extends RuntimeException {

    public LeadNotFound() {
        super("No such lead or batch within reach");
    }
}
