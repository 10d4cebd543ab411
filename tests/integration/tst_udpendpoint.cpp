#include <QTest>

class tst_udpendpoint : public QObject
{
    Q_OBJECT

private slots:
    void placeholder() { QSKIP("not written yet"); }
};

QTEST_GUILESS_MAIN(tst_udpendpoint)
#include "tst_udpendpoint.moc"
