#!/usr/bin/env python3
"""Writes a journal of one odd shape, scaled by N, to measure how a build's cost grows.

    python3 bench/shapes.py KIND N DIR        write the journal
    bench/shapes.sh [BIN] [KIND...]            build each at n, 2n, 4n (bench/README.md)

Each KIND is one input that could make the cost grow faster than the input (n²): a note
listing N topics, N nested elements, a goal with N steps, N broken links on one line, and
the pairs of goals, commitments, steps and topics with sessions.
"""
import os
import sys

kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out + '/sessions', exist_ok=True)
open(out + '/journal.yaml', 'w').write('title: T\nmentor: A\nmentee: B\n')


def note(name, date, front='', body='Body\n'):
    open(out + '/sessions/' + name + '.md', 'w').write('---\ndate: ' + date + '\n' + front + '---\n' + body)


def day(i):
    """The i-th day from 2000-01-01, as a date (28-day months keep it simple)."""
    return '%d-%02d-%02d' % (2000 + i // 336, i // 28 % 12 + 1, i % 28 + 1)


def listed(items):
    return '[' + ', '.join(items) + ']'


fm, body = '', 'Body\n'
if kind == 'topics':  # one note, N topics
    fm = 'topics: ' + listed('t%d' % i for i in range(n)) + '\n'
elif kind == 'div':  # N nested <div>
    body = '<div>' * n + 'x' + '</div>' * n + '\n'
elif kind == 'b':  # N nested <b> (kept as they are, no parse)
    body = '<b>' * n + 'x' + '</b>' * n + '\n'
elif kind == 'span':  # N nested <span title>, cleaned by the sanitiser
    body = '<span title="a">' * n + 'x' + '</span>' * n + '\n'
elif kind == 'unclosed':  # N <i class> never closed
    body = 'a <i class="x">' * n + '\n'
elif kind == 'deep200':  # N <div> in runs nested 200 deep (just under the limit), one block
    body = ('<div>' * 200 + 'x' + '</div>' * 200) * (n // 200) + '\n'
elif kind == 'noteurls':  # one HTML block with N links to a note (each removed, with a warning)
    body = '<div>' + '<a href="2026-01-08-a.md">x</a>' * n + '</div>\n'
elif kind == 'strays':  # an HTML block of N <li> then N </span> that close nothing
    body = '<li>' * n + '</span>' * n + '\n'
elif kind == 'quotes':  # N nested block quotes
    body = '> ' * n + 'x\n'
elif kind == 'divquotes':  # N nested block quotes inside one <div>
    body = '<div>\n\n' + '> ' * n + 'x\n\n</div>\n'
elif kind == 'keys':  # N unknown keys in one front matter (a warning each)
    fm = ''.join('k%d: 1\n' % i for i in range(n))
elif kind == 'entrykeys':  # one goal entry with N unknown keys
    fm = 'goals:\n  - id: g\n    title: G\n' + ''.join('    k%d: 1\n' % i for i in range(n))
elif kind == 'private':  # N private blocks
    body = '<!-- private -->\nsecret\n<!-- /private -->\n\nopen\n\n' * n
elif kind == 'footnotes':  # N references to one footnote, and N footnotes
    body = ' '.join('a[^1] b[^n%d]' % i for i in range(n)) + '\n\n[^1]: one\n\n' + ''.join('[^n%d]: note %d\n\n' % (i, i) for i in range(n))
elif kind == 'table':  # a table of N columns and 20 rows
    body = '|' + '|'.join('h%d' % i for i in range(n)) + '|\n|' + '|'.join('-' for i in range(n)) + '|\n' + ('|' + '|'.join('c' for i in range(n)) + '|\n') * 20
elif kind == 'steps':  # one goal, N steps, all marked done in a later session
    fm = 'goals:\n  - id: g\n    title: G\n    steps: ' + listed('s%d' % i for i in range(n)) + '\n'
    note('2026-01-09-b', '2026-01-09', 'goals:\n  - id: g\n    done: ' + listed('s%d' % i for i in range(n)) + '\n')
elif kind == 'wikilinks':  # N broken wikilinks on one line
    body = ' '.join('[[missing-%d]]' % i for i in range(n)) + '\n'
elif kind == 'longline':  # one line of N words and N links to one note
    body = ' '.join('word%d [x](2026-01-08-a.md)' % i for i in range(n)) + '\n'
elif kind == 'headings':  # N headings, all the same text
    body = '## Same\n\n' * n
elif kind == 'goals':  # one note declares N goals with 3 topics; a later one updates them all
    fm = 'topics: [a, b, c]\ngoals:\n' + ''.join('  - id: g%d\n    title: G%d\n' % (i, i) for i in range(n))
    note('2026-01-09-b', '2026-01-09', 'topics: [a, b, c]\ngoals:\n' + ''.join('  - id: g%d\n    progress: 50\n' % i for i in range(n)))
elif kind == 'commitments':  # one note makes N commitments (due next), the next closes them
    fm = 'topics: [a, b, c]\ncommitments:\n' + ''.join('  - id: c%d\n    who: mentee\n    what: C%d\n    due: next\n' % (i, i) for i in range(n))
    note('2026-01-09-b', '2026-01-09', 'commitments:\n' + ''.join('  - id: c%d\n    status: done\n' % i for i in range(n)))
if kind in ('sessions', 'goalsessions', 'commitsessions', 'stepupdates', 'gaps'):
    # N sessions; the first declares what the others update.
    for i in range(n):
        fm = 'topics: [a%d, b%d]\n' % (i % 50, i % 7)
        if kind == 'goalsessions':  # every session declares a goal and moves the first
            fm += 'goals:\n  - id: g%d\n    title: G%d\n' % (i, i) + ('  - id: g0\n    progress: %d\n' % (i % 100) if i else '')
        elif kind == 'commitsessions':  # every session makes a commitment and closes the last one
            fm += 'commitments:\n  - id: c%d\n    who: mentee\n    what: C%d\n    due: next\n' % (i, i)
            fm += '  - id: c%d\n    status: done\n' % (i - 1) if i else ''
        elif kind == 'stepupdates':  # a goal with N steps; every later session marks one done
            fm += ('goals:\n  - id: g\n    title: G\n    steps: ' + listed('s%d' % k for k in range(n)) + '\n') if i == 0 else 'goals:\n  - id: g\n    done: [s%d]\n' % i
        date = day(i * (60 if kind == 'gaps' else 1))  # gaps: every session after a long gap
        note('%s-s%d' % (date, i), date, fm)
    sys.exit()
note('2026-01-08-a', '2026-01-08', fm, body)
