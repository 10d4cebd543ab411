#include "endpointinput.h"

#include "hostport.h"

namespace NetPoke::Net {

QString withoutBrackets(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('[')) && t.endsWith(QLatin1Char(']')))
        return t.mid(1, t.size() - 2);
    return t;
}

QHostAddress parseAddress(const QString &text)
{
    const QString t = withoutBrackets(text);
    bool digitsAndDots = !t.isEmpty();
    for (QChar c : t)
        digitsAndDots = digitsAndDots && (c.isDigit() || c == QLatin1Char('.'));
    QHostAddress address;
    if (!address.setAddress(t) || (digitsAndDots && t.count(QLatin1Char('.')) != 3))
        return QHostAddress();
    return address;
}

QHostAddress preferredAddress(const QList<QHostAddress> &answers, const QHostAddress &local)
{
    if (answers.isEmpty())
        return QHostAddress();
    const auto family = local.protocol();
    if (family == QAbstractSocket::IPv4Protocol || family == QAbstractSocket::IPv6Protocol) {
        for (const QHostAddress &a : answers) {
            if (a.protocol() == family)
                return a;
        }
    }
    return answers.constFirst();
}

EndpointInput EndpointInput::fromParts(const QString &host, quint16 port, Use use)
{
    EndpointInput in;
    in.host = withoutBrackets(host);
    in.port = port;
    if (!(use == Bind && in.host.isEmpty())) {
        if (!HostPort::validateHost(in.host, &in.errorString)) {
            in.problem = HostProblem;
            return in;
        }
        in.address = parseAddress(in.host);
    }
    if (use == Destination && port == 0) {
        in.problem = PortProblem;
        in.errorString = tr("Port 0 cannot be a destination.");
    }
    return in;
}

EndpointInput EndpointInput::fromParts(const QString &host, const QString &portText, Use use)
{
    quint16 port = 0;
    QString portError;
    const bool portOk = HostPort::parsePort(portText, &port, &portError, use != Destination);
    EndpointInput in = fromParts(host, portOk ? port : quint16(1), use);
    if (in.ok() && !portOk) {
        in.port = 0;
        in.problem = PortProblem;
        in.errorString = portError;
    }
    return in;
}

EndpointInput EndpointInput::parse(const QString &text, Use use)
{
    const HostPort hp = HostPort::parse(text, use != Bind, use != Destination);
    EndpointInput in;
    if (!hp.ok) {
        in.problem = SyntaxProblem;
        in.errorString = hp.errorString;
        return in;
    }
    in.host = hp.host;
    in.port = hp.port;
    if (!in.host.isEmpty() && !HostPort::validateHost(in.host, &in.errorString)) {
        in.problem = HostProblem;
        return in;
    }
    in.address = parseAddress(hp.host);
    return in;
}

} // namespace NetPoke::Net
