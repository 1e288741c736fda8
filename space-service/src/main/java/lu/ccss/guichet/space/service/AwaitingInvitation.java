package lu.ccss.guichet.space.service;

import lu.ccss.guichet.space.domain.Invitation;

/** An open invitation made out to the caller, with the name of the space it invites to. */
public record AwaitingInvitation(Invitation invitation, String spaceName) {
}
