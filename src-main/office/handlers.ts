import type { Handlers } from '../host/context';
import { businessDateOf } from '../../src-shared/dates';
import { readOfficeState, setDocumentDigits, setUpOffice, updateOffice } from './office-service';
import { officeKindOf, setOfficeKind } from './office-kind';

export const officeHandlers = {
  'app.info': (_input, { services }) => {
    const state = readOfficeState(services.db);
    return {
      version: services.appVersion,
      isSetUp: state.office !== null,
      isTraining: state.isTraining,
      office: state.office,
      terminalSlot: state.terminalSlot,
      businessDate: businessDateOf(services.clock.nowMs()),
      idleTimeoutMs: services.idleTimeoutMs,
    };
  },
  'setup.init': async (input, { services }) => {
    const result = await setUpOffice(services.db, services.clock, services.machineId, services.appVersion, {
      office: input.office,
      terminalSlot: input.terminalSlot,
      isTraining: input.isTraining,
      isDemo: false,
      admin: input.admin,
    });
    return { place: result.place, terminalSlot: result.terminalSlot };
  },
  'office.setDocumentDigits': (input, { services }) => setDocumentDigits(services.db, input.digits),
  'office.update': (input, { services }) => updateOffice(services.db, input),
  'office.setKind': (input, { services }) => setOfficeKind(services.database.sqlite, input.kind),
  'office.kind': (_input, { services }) => ({ kind: officeKindOf(services.database.sqlite) }),
} satisfies Pick<Handlers, 'app.info' | 'setup.init' | 'office.setDocumentDigits' | 'office.update' | 'office.setKind' | 'office.kind'>;
