#include <QTest>

class tst_chatcli : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(tst_chatcli)
#include "tst_chatcli.moc"
