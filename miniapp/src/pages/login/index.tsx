import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import {
  DEMO_TENANTS,
  demoLogin,
  demoLoginEnabled,
  isWeapp,
  wechatLogin,
} from '../../services/auth-api';
import { HOME_PAGE } from '../../services/session';
import './index.scss';

type Attempt =
  { state: 'idle' } | { state: 'busy'; who: string } | { state: 'failed'; message: string };

/**
 * In WeChat: signs in with `wx.login()` right away (a retry button if that fails). On H5: the
 * demo accounts, unless the build switched demo login off.
 */
export default function LoginPage() {
  const [attempt, setAttempt] = useState<Attempt>({ state: 'idle' });

  const signIn = useCallback(async (who: string, login: () => Promise<unknown>) => {
    setAttempt({ state: 'busy', who });
    try {
      await login();
      await Taro.reLaunch({ url: HOME_PAGE });
    } catch (error) {
      setAttempt({ state: 'failed', message: (error as Error).message || '登录失败，请重试' });
    }
  }, []);

  const weapp = isWeapp();
  useEffect(() => {
    if (weapp) void signIn('wechat', wechatLogin);
  }, [weapp, signIn]);

  return (
    <View className="login">
      <View className="login__hero">
        <Text className="login__title">转供电费用核查</Text>
        <Text className="login__intro">
          查看房东/物业向电网缴纳的电费、政府定价和您被收取的电费，判断是否多收
        </Text>
      </View>
      <View className="login__body">
        {weapp ? (
          <WechatLogin attempt={attempt} onRetry={() => signIn('wechat', wechatLogin)} />
        ) : demoLoginEnabled() ? (
          <View className="login__panel">
            <Text className="login__heading">演示登录</Text>
            <Text className="login__hint">
              网页版仅供演示：选择下面的演示租户进入。正式使用请在微信小程序中打开。
            </Text>
            {DEMO_TENANTS.map((account) => (
              <Button
                key={account.username}
                className="account"
                loading={attempt.state === 'busy' && attempt.who === account.username}
                disabled={attempt.state === 'busy'}
                onClick={() => signIn(account.username, () => demoLogin(account.username))}
              >
                <View className="account__body">
                  <Text className="account__name">{account.name}</Text>
                  <Text className="account__hint">{account.hint}</Text>
                </View>
                <Text className="account__action">进入</Text>
              </Button>
            ))}
          </View>
        ) : (
          <View className="login__panel">
            <Text className="login__heading">请在微信中使用</Text>
            <Text className="login__hint">请在微信中搜索并打开本小程序，用微信身份登录。</Text>
          </View>
        )}
        {attempt.state === 'failed' && <Text className="login__error">{attempt.message}</Text>}
      </View>
    </View>
  );
}

function WechatLogin({ attempt, onRetry }: { attempt: Attempt; onRetry: () => void }) {
  return (
    <View className="login__panel">
      <Text className="login__heading">微信登录</Text>
      <Text className="login__hint">
        {attempt.state === 'failed' ? '登录没有成功，可以再试一次。' : '正在用您的微信身份登录…'}
      </Text>
      {attempt.state === 'failed' && (
        <Button className="login__retry" onClick={onRetry}>
          重新登录
        </Button>
      )}
    </View>
  );
}
