#include "inspect/packetfield.h"

#include <QLocale>

namespace NetPoke::Inspect {

QList<int> innermostFieldAt(const QList<Field> &fields, qsizetype byte)
{
    QList<int> path;
    const QList<Field> *level = &fields;
    for (;;) {
        int found = -1;
        for (int i = 0; i < level->size(); ++i) {
            if (level->at(i).contains(byte)) {
                found = i;
                break;
            }
        }
        if (found < 0)
            return path;
        path.append(found);
        level = &level->at(found).children;
    }
}

const Field *fieldAt(const QList<Field> &fields, const QList<int> &path)
{
    const Field *f = nullptr;
    const QList<Field> *level = &fields;
    for (int i : path) {
        if (i < 0 || i >= level->size())
            return nullptr;
        f = &level->at(i);
        level = &f->children;
    }
    return f;
}

QString byteCountText(qsizetype kept, qint64 wireLength)
{
    if (wireLength > kept)
        return Strings::tr("%1 of %Ln bytes", nullptr, int(qMin<qint64>(wireLength, INT_MAX)))
            .arg(QLocale().toString(qlonglong(kept)));
    return Strings::tr("%Ln bytes", nullptr, int(qMin<qsizetype>(kept, INT_MAX)));
}

Dissection rawDissection(QByteArrayView bytes, qint64 wireLength)
{
    Dissection d;
    d.protocol = Strings::tr("Raw data");
    d.summary = byteCountText(bytes.size(), wireLength);
    Field f;
    f.name = Strings::tr("Raw data");
    f.value = d.summary;
    f.length = bytes.size();
    d.fields.append(f);
    return d;
}

} // namespace NetPoke::Inspect
