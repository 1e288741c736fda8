package lu.ccss.guichet.space.service;

import lu.ccss.guichet.events.MemberRole;
import lu.ccss.guichet.space.domain.Space;

/** A space as one of its members sees it: with that member's role. */
public record MySpace(Space space, MemberRole role) {
}
