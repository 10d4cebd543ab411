#include <QTest>

class tst_packetlogmodel : public QObject
{
    Q_OBJECT

private slots:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(tst_packetlogmodel)
#include "tst_packetlogmodel.moc"
