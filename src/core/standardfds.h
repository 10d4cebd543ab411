#pragma once

namespace NetPoke {

// Makes sure file descriptors 0, 1 and 2 are open, each one that is closed (`netpoke-cli ... >&-`, `<&-`)
// onto /dev/null. Call first in main(), before Qt opens anything: otherwise the next descriptor Qt opens
// (its event dispatcher's eventfd) becomes "standard output", the payload of `tftp get -o -` is written
// into it and `chat` reads its wake-ups as input and never ends. A closed stdin then reads as end of file
// and a closed stdout discards, as for `> /dev/null`. Returns false only if /dev/null cannot be opened.
bool ensureStandardFileDescriptors();

} // namespace NetPoke
