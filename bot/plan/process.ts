/**
 * Whether the process holds for a request: a status is borne out by the sign-offs
 * only when its prerequisites are met (initial feedback from the quorum before the
 * final go, a final go from the quorum before approved or declined). A status that
 * is not is never silently accepted: the record keeps what the page says, but the
 * statistics and the agenda count what it provably is (`proven`), the request
 * needs attention with the precise reason, and the staff are told once.
 */
import { canMove, Status } from '../../shared/status';
import type { ProcessSettings } from '../../shared/settings';
import { countedSignOffs, tally } from './committee';
import type { Committee, Problem, RequestRecord, Tally } from './types';

/** How far the sign-offs carry a request. */
interface Reached {
	feedback: boolean;
	feedbackQuorum: boolean;
	/** The final go's decision, once the quorum has given it: the majority's. */
	decision: 'yes' | 'no' | '';
}

function reached( counts: Tally, settings: ProcessSettings ): Reached {
	const decisions = counts.finalGoYes + counts.finalGoNo;
	let decision: Reached[ 'decision' ] = '';
	if ( decisions >= settings.quorum.finalGo && counts.finalGoYes !== counts.finalGoNo ) {
		decision = counts.finalGoYes > counts.finalGoNo ? 'yes' : 'no';
	}
	return {
		feedback: counts.feedback > 0,
		feedbackQuorum: counts.feedback >= settings.quorum.initialFeedback,
		decision: decision,
	};
}

/** Whether the sign-offs bear out `status`. */
function holds( status: Status, carried: Reached ): boolean {
	switch ( status ) {
		case 'working-group':
			return carried.feedback;
		case 'awaiting-final-go':
			return carried.feedbackQuorum;
		case 'approved':
		case 'support-under-way':
		case 'done':
			return carried.feedbackQuorum && carried.decision === 'yes';
		case 'declined':
			return carried.feedbackQuorum && carried.decision === 'no';
		default:
			// Submitted, initial feedback, on hold and withdrawn need nothing.
			return true;
	}
}

/** The furthest stage before a decision that the sign-offs reach. */
function furthestStage( carried: Reached ): Status {
	if ( carried.feedbackQuorum ) {
		return 'awaiting-final-go';
	}
	return carried.feedback ? 'initial-feedback' : 'submitted';
}

function what( status: Status ): string {
	return status.replace( /-/g, ' ' );
}

/** The status the record provably has, and why its own status does not hold. */
export function checkProcess(
	record: RequestRecord, committee: Committee, settings: ProcessSettings,
): { proven: Status; problems: Problem[] } {
	const problems: Problem[] = [];
	if ( record.problem !== '' ) {
		return { proven: record.status, problems: problems };
	}
	const counted = countedSignOffs( record.signOffs, committee );
	const firstFeedback = counted.filter( ( signOff ) => signOff.kind === 'feedback' ).map( ( signOff ) => signOff.timestamp ).sort()[ 0 ] || '';
	const firstGo = counted.filter( ( signOff ) => signOff.kind === 'final-go' ).map( ( signOff ) => signOff.timestamp ).sort()[ 0 ] || '';
	if ( firstGo !== '' && ( firstFeedback === '' || firstGo < firstFeedback ) ) {
		problems.push( {
			code: 'final-go-before-feedback', params: [],
			text: 'A final go was given before any initial feedback from the committee.',
		} );
	}
	const last = record.statusHistory.length ? record.statusHistory[ record.statusHistory.length - 1 ] : null;
	if ( record.statusUnknown !== '' ) {
		return { proven: record.status, problems: problems };
	}
	const current = record.statusHistory.find( ( entry ) => entry.status === record.status && entry.since === record.statusSince );
	if ( current && current.imported ) {
		return { proven: record.status, problems: problems };
	}
	const counts = tally( record.signOffs, committee );
	const carried = reached( counts, settings );
	if ( last && last.status !== record.status && !canMove( last.status, record.status ) ) {
		problems.push( {
			code: 'transition', params: [ last.status, record.status ],
			text: 'The status went from ' + what( last.status ) + ' to ' + what( record.status ) + ', a move the process does not allow.',
		} );
	}
	if ( holds( record.status, carried ) ) {
		return { proven: record.status, problems: problems };
	}
	const proven = furthestStage( carried );
	const decisions = counts.finalGoYes + counts.finalGoNo;
	let text: string;
	if ( !carried.feedbackQuorum && record.status !== 'working-group' ) {
		text = 'The status is ' + what( record.status ) + ', but only ' + counts.feedback + ' of the ' + settings.quorum.initialFeedback +
			' initial feedback sign-offs needed are counted.';
	} else if ( record.status === 'working-group' ) {
		text = 'The status is working group, but no initial feedback sign-off is counted.';
	} else if ( decisions < settings.quorum.finalGo ) {
		text = 'The status is ' + what( record.status ) + ', but only ' + decisions + ' of the ' + settings.quorum.finalGo +
			' final go sign-offs needed are counted.';
	} else {
		text = 'The status is ' + what( record.status ) + ', but the final go sign-offs say ' + counts.finalGoYes + ' yes and ' +
			counts.finalGoNo + ' no.';
	}
	problems.push( {
		code: 'unproven-status',
		params: [ record.status, proven, String( counts.feedback ), String( settings.quorum.initialFeedback ),
			String( counts.finalGoYes ), String( counts.finalGoNo ), String( settings.quorum.finalGo ) ],
		text: text + ' Counted as ' + what( proven ) + ' until the sign-offs bear it out.',
	} );
	return { proven: proven, problems: problems };
}

/** The key of the staff's notice that a status does not hold: once per status and since. */
export function unprovenKey( status: Status, since: string ): string {
	return 'unproven:' + status + ':' + since;
}
