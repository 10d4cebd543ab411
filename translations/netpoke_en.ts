<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>NetPoke::Inspect::Strings</name>
    <message numerus="yes">
        <source>%1 of %Ln bytes</source>
        <translation>
            <numerusform>%1 of %Ln byte</numerusform>
            <numerusform>%1 of %Ln bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bytes</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetPoke::TcpServerPanel</name>
    <message numerus="yes">
        <source>%n more sends refused because write buffers were full.</source>
        <translation>
            <numerusform>%n more send refused because write buffers were full.</numerusform>
            <numerusform>%n more sends refused because write buffers were full.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Client</name>
    <message numerus="yes">
        <source>No answer from the TFTP server at %1: timed out (retries: %n).</source>
        <translation>
            <numerusform>No answer from the TFTP server at %1: timed out (retries: %n).</numerusform>
            <numerusform>No answer from the TFTP server at %1: timed out (retries: %n).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The transfer timed out: the server at %1 stopped acknowledging (retries: %n).</source>
        <translation>
            <numerusform>The transfer timed out: the server at %1 stopped acknowledging (retries: %n).</numerusform>
            <numerusform>The transfer timed out: the server at %1 stopped acknowledging (retries: %n).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The transfer timed out: the server at %1 stopped sending (retries: %n).</source>
        <translation>
            <numerusform>The transfer timed out: the server at %1 stopped sending (retries: %n).</numerusform>
            <numerusform>The transfer timed out: the server at %1 stopped sending (retries: %n).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server ended the transfer with a truncated ERROR packet (%n bytes, no error code).</source>
        <translation>
            <numerusform>The server ended the transfer with a truncated ERROR packet (%n byte, no error code).</numerusform>
            <numerusform>The server ended the transfer with a truncated ERROR packet (%n bytes, no error code).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Request</name>
    <message numerus="yes">
        <source>file name longer than %n bytes</source>
        <translation>
            <numerusform>file name longer than %n byte</numerusform>
            <numerusform>file name longer than %n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetPoke::Tftp::Server</name>
    <message numerus="yes">
        <source>server busy (%n transfers running)</source>
        <translation>
            <numerusform>server busy (%n transfer running)</numerusform>
            <numerusform>server busy (%n transfers running)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… %n more trace entries not kept</source>
        <translation>
            <numerusform>… %n more trace entry not kept</numerusform>
            <numerusform>… %n more trace entries not kept</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>timed out: no answer from the client (retries: %n)</source>
        <translation>
            <numerusform>timed out: no answer from the client (retries: %n)</numerusform>
            <numerusform>timed out: no answer from the client (retries: %n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bytes from unknown port %1, answered with ERROR 5</source>
        <translation>
            <numerusform>%n byte from unknown port %1, answered with ERROR 5</numerusform>
            <numerusform>%n bytes from unknown port %1, answered with ERROR 5</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetPoke::TftpPanel</name>
    <message numerus="yes">
        <source>Uploaded %1 in %2 (average %3), retransmissions: %n. Sent as %4.</source>
        <translation>
            <numerusform>Uploaded %1 in %2 (average %3), retransmissions: %n. Sent as %4.</numerusform>
            <numerusform>Uploaded %1 in %2 (average %3), retransmissions: %n. Sent as %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Downloaded %1 in %2 (average %3), retransmissions: %n. Saved as %4.</source>
        <translation>
            <numerusform>Downloaded %1 in %2 (average %3), retransmissions: %n. Saved as %4.</numerusform>
            <numerusform>Downloaded %1 in %2 (average %3), retransmissions: %n. Saved as %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetPoke::TftpServerPanel</name>
    <message numerus="yes">
        <source>The server keeps the traces of the running transfers and of the last %n that ended.</source>
        <translation>
            <numerusform>The server keeps the traces of the running transfers and of the last one that ended.</numerusform>
            <numerusform>The server keeps the traces of the running transfers and of the last %n that ended.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TftpServeCommand</name>
    <message numerus="yes">
        <source>%n transfer(s)</source>
        <translation>
            <numerusform>%n transfer</numerusform>
            <numerusform>%n transfers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
</context>
</TS>
