/**
 * EC2 instance identity documents: an instance proves what it is with the document AWS signed for
 * it, verified with AWS's per-region public keys, allowed by account and region.
 */
@NullMarked
package io.github.awsauth.iid;

import org.jspecify.annotations.NullMarked;
