import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redactNames } from './redact-text';

describe('redactNames', () => {
  it('replaces a full name and its parts, whatever the accents and case', () => {
    const text = 'El 3 de mayo, María Núñez Peña denunció; NUNEZ dijo que su tía la acompañó. Peñafiel no tiene relación.';
    const out = redactNames(text, ['María Núñez Peña', 'María', 'Núñez', 'Peña'], 'Víctima-7KQ2-M9XD');
    expect(out).toBe('El 3 de mayo, Víctima-7KQ2-M9XD denunció; Víctima-7KQ2-M9XD dijo que su tía la acompañó. Peñafiel no tiene relación.');
  });

  it('leaves text without the names unchanged and ignores initials', () => {
    expect(redactNames('J. L. met the recruiter', ['J', 'L'], 'X')).toBe('J. L. met the recruiter');
    expect(redactNames('', ['Ana'], 'X')).toBe('');
  });

  it('never leaves a name it was given in the output', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('Núñez', 'Ibáñez', 'Françoise', 'Rosa'), fc.string(), (a, name, b) => {
        const out = redactNames(`${a} ${name} ${b}`, [name], '█');
        return !out.toLowerCase().includes(` ${name.toLowerCase()} `);
      }),
    );
  });
});
