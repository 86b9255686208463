import { CodedError } from '../../src-shared/result';
import { requireSession, type Handlers } from '../host/context';
import { readOfficeState } from '../office/office-service';
import { findUserById, toSummary } from './user-repo';
import { addUser, authenticate, disableUser, listUsers } from './user-service';

export const userHandlers = {
  'session.login': async (input, { services, client }) => {
    if (readOfficeState(services.db).office === null) throw new CodedError('NOT_SET_UP', 'This terminal has not been set up yet');
    const user = await authenticate(services.db, services.clock, input.username, input.password);
    services.sessions.start(client.id, user, services.clock.nowMs());
    return { user };
  },
  'session.logout': (_input, { services, client }) => {
    services.sessions.end(client.id, 'logout');
    return {};
  },
  'session.current': (_input, { services, session }) => {
    if (session === null) return { user: null };
    const row = findUserById(services.db, session.userId);
    return { user: row === undefined ? null : toSummary(row) };
  },
  'user.list': (input, { services }) => ({ users: listUsers(services.db, input.includeDisabled) }),
  'user.add': async (input, ctx) => {
    const session = requireSession(ctx);
    return { user: await addUser(ctx.services.db, ctx.services.clock, input, session.userId) };
  },
  'user.disable': (input, { services }) => {
    const user = disableUser(services.db, input.username);
    services.sessions.endUser(user.id, 'disabled');
    return { user };
  },
} satisfies Pick<Handlers, 'session.login' | 'session.logout' | 'session.current' | 'user.list' | 'user.add' | 'user.disable'>;
